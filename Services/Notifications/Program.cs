using Notifications;
using Store.Messaging;

var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults();
builder.Services.AddProblemDetails();
builder.Services.AddStoreMessaging();
builder.Services.AddRedisConnection(builder.Environment.ApplicationName);
builder.Services.AddSingleton<OrderStateFeed>();
builder.Services.AddHostedService<OrderEventsConsumer>();
var requireAuthentication = builder.AddGatewayTokenAuthentication();

var app = builder.Build();

app.UseExceptionHandler();
app.UseStatusCodePages();
app.UseWebSockets(new WebSocketOptions { KeepAliveInterval = OrderStreamEndpoints.KeepAliveInterval });
app.UseAuthentication();
app.UseAuthorization();

app.MapOrderStreams(requireAuthentication);
app.MapDefaultEndpoints();

app.Run();
