using Notifications;
using Store.Messaging.RabbitMQ;

var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults();
builder.Services.AddProblemDetails();
// Consumes only: the consumer declares its queue, bound to the order-events exchange.
builder.Services.AddRabbitMqMessaging();
builder.Services.AddRedisConnection(builder.Environment.ApplicationName);
builder.Services.AddSingleton<OrderStateFeed>();
builder.Services.AddHostedService<OrderEventsConsumer>();
// The gateway forwards its callers' tokens on the streams. In Development without Jwt:SigningKey the streams stay open,
// as a service tried on its own expects.
var requireAuthentication = builder.AddStoreBearerTokens("notifications", OrderStreamEndpoints.IsStreamPath).ValidatesTokens;

var app = builder.Build();

app.UseExceptionHandler();
app.UseStatusCodePages();
app.UseWebSockets(new WebSocketOptions { KeepAliveInterval = OrderStreamEndpoints.KeepAliveInterval });
app.UseAuthentication();
app.UseAuthorization();

app.MapOrderStreams(requireAuthentication);
app.MapDefaultEndpoints();

app.Run();
