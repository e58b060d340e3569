using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Hosting;
using Parity.Hosting.ApplicationModel;
using Parity.Hosting.Orchestration;

namespace Parity.Hosting.ResourceService;

/// <summary>
/// What the dashboard and the parity CLI read and do: the resources (current, then each change; only the current ones
/// with <c>?watch=false</c>), a resource's console (backlog, then live; the backlog alone with <c>?follow=false</c>),
/// and its commands (stop / start / restart, and those the AppHost declares). Streams are NDJSON: one camelCase JSON object per line, flushed
/// per line. The dashboard itself is not among the resources: stopping it from its own page would leave nobody to
/// start it again.
/// </summary>
internal static class ResourceServiceEndpoints
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);
    private static readonly byte[] NewLine = "\n"u8.ToArray();

    private static readonly Dictionary<string, string> BuiltInCommands = new(StringComparer.OrdinalIgnoreCase)
    {
        ["stop"] = ResourceCommandService.Stop,
        ["start"] = ResourceCommandService.Start,
        ["restart"] = ResourceCommandService.Restart,
    };

    public static void MapResourceService(this IEndpointRouteBuilder app, DistributedApplicationModel model)
    {
        var hidden = model.Dashboard?.Name;
        bool IsShown(string name) => !string.Equals(name, hidden, StringComparison.OrdinalIgnoreCase);

        app.MapGet("/resources", (HttpContext context, ResourceNotificationService notifications, ResourceCommandService commands,
            IHostApplicationLifetime lifetime, bool? watch) =>
            WriteLinesAsync(context, lifetime, token => watch ?? true
                ? Resources(notifications.WatchAsync(token), commands, model, IsShown)
                : Resources(notifications.Current.OrderBy(s => s.Name, StringComparer.OrdinalIgnoreCase).ToAsyncEnumerable(), commands, model, IsShown)));

        app.MapGet("/resources/{name}/console", (string name, HttpContext context, ResourceNotificationService notifications,
            ResourceLoggerService logs, IHostApplicationLifetime lifetime, bool? follow) =>
            notifications.Get(name) is null || !IsShown(name)
                ? UnknownResource(name).ExecuteAsync(context)
                : WriteLinesAsync(context, lifetime, token => follow ?? true ? logs.WatchAsync(name, token) : logs.GetBacklog(name).ToAsyncEnumerable()));

        app.MapPost("/resources/{name}/commands/{command}", async (string name, string command, ResourceNotificationService notifications,
            ResourceCommandService commands) =>
        {
            if (notifications.Get(name) is not { } snapshot || !IsShown(name))
            {
                return UnknownResource(name);
            }
            command = Uri.UnescapeDataString(command); // routing leaves %2F escaped, and HTTP commands' names hold their path
            var offered = commands.CommandsOf(snapshot);
            var commandName = BuiltInCommands.GetValueOrDefault(command) ?? command;
            if (!offered.Any(c => c.Name == commandName))
            {
                var names = string.Join(", ", offered.Select(c => ResourceMessage.WireName(c.Name)));
                return BuiltInCommands.ContainsKey(command)
                    ? Results.Problem($"'{name}' has no process of its own to {command}.", statusCode: StatusCodes.Status400BadRequest)
                    : Results.Problem($"'{name}' has no command '{command}'{(names.Length > 0 ? $": use {names}" : "")}.", statusCode: StatusCodes.Status400BadRequest);
            }
            // Not tied to the request: a command the dashboard sent is carried out even if it stops waiting.
            var result = await commands.ExecuteCommandAsync(name, commandName);
            return result.Success
                ? Results.NoContent()
                : Results.Problem(result.ErrorMessage ?? $"'{command}' failed on '{name}'.", statusCode: StatusCodes.Status422UnprocessableEntity);
        });
    }

    private static async IAsyncEnumerable<ResourceMessage> Resources(
        IAsyncEnumerable<ResourceSnapshot> snapshots, ResourceCommandService commands, DistributedApplicationModel model, Func<string, bool> isShown)
    {
        await foreach (var snapshot in snapshots)
        {
            if (isShown(snapshot.Name))
            {
                var icon = model.Find(snapshot.Name)?.AnnotationsOf<ResourceIconAnnotation>().LastOrDefault()?.IconName;
                yield return ResourceMessage.From(snapshot, commands.CommandsOf(snapshot), icon);
            }
        }
    }

    private static IResult UnknownResource(string name) =>
        Results.Problem($"No resource is named '{name}'.", statusCode: StatusCodes.Status404NotFound);

    /// <summary>Writes each item as one line until the client goes away or the service stops.</summary>
    private static async Task WriteLinesAsync<T>(HttpContext context, IHostApplicationLifetime lifetime, Func<CancellationToken, IAsyncEnumerable<T>> items)
    {
        using var ending = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted, lifetime.ApplicationStopping);
        var response = context.Response;
        response.ContentType = "application/x-ndjson";
        try
        {
            await response.StartAsync(ending.Token); // the client knows it is connected before the first line
            await foreach (var item in items(ending.Token))
            {
                await response.Body.WriteAsync(JsonSerializer.SerializeToUtf8Bytes(item, Json), ending.Token);
                await response.Body.WriteAsync(NewLine, ending.Token);
                await response.Body.FlushAsync(ending.Token);
            }
        }
        catch (OperationCanceledException) when (ending.IsCancellationRequested)
        {
            // the client went away, or the run is stopping: the stream simply ends
        }
    }
}
