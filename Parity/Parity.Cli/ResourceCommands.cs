using System.CommandLine;

namespace Parity.Cli;

/// <summary>The commands that read or act on one resource of the running AppHost, through its resource service.</summary>
internal static class ResourceCommands
{
    public static Command Logs()
    {
        var resource = new Argument<string>("resource") { Description = "The resource's name" };
        var follow = new Option<bool>("--follow", "-f") { Description = "Keep printing new lines until Ctrl+C" };
        var command = new Command("logs", "Prints a resource's console output") { resource, follow };
        command.SetAction(ParityCommandLine.Handled(async (parseResult, token) =>
        {
            using var client = ResourceServiceClient.For(ParityCommandLine.AppHostOf(parseResult));
            await foreach (var line in client.ConsoleAsync(parseResult.GetRequiredValue(resource), parseResult.GetValue(follow), token))
            {
                Console.WriteLine(OutputFormat.ConsoleLine(line));
            }
            return 0;
        }));
        return command;
    }

    public static Command Describe()
    {
        var resource = new Argument<string?>("resource") { Description = "The resource's name; every resource when omitted", Arity = ArgumentArity.ZeroOrOne };
        var command = new Command("describe", "Shows a resource's state, health, replicas and environment (secrets masked)") { resource };
        command.SetAction(ParityCommandLine.Handled(async (parseResult, token) =>
        {
            using var client = ResourceServiceClient.For(ParityCommandLine.AppHostOf(parseResult));
            var resources = await client.GetResourcesAsync(token);
            if (parseResult.GetValue(resource) is { } name)
            {
                resources = [.. resources.Where(r => string.Equals(r.Name, name, StringComparison.OrdinalIgnoreCase))];
                if (resources.Count == 0)
                {
                    throw new CliException($"No resource is named '{name}'.");
                }
            }
            Console.WriteLine(string.Join(Environment.NewLine + Environment.NewLine, resources.Select(OutputFormat.Describe)));
            return 0;
        }));
        return command;
    }

    public static Command Resource()
    {
        var resource = new Argument<string>("name") { Description = "The resource's name" };
        var action = new Argument<string>("command") { Description = "start, stop, restart, or a command the AppHost declares (see parity describe)" };
        var command = new Command("resource", "Starts, stops or restarts one resource of the running AppHost, or runs one of its commands") { resource, action };
        command.SetAction(ParityCommandLine.Handled(async (parseResult, token) =>
        {
            var name = parseResult.GetRequiredValue(resource);
            var verb = parseResult.GetRequiredValue(action);
            using var client = ResourceServiceClient.For(ParityCommandLine.AppHostOf(parseResult));
            await client.ExecuteAsync(name, verb, token);
            Console.WriteLine($"{name}: {verb} done.");
            return 0;
        }));
        return command;
    }
}
