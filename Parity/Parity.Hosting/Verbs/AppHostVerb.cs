using System.CommandLine;
using Parity.Hosting.Publishing;

namespace Parity.Hosting.Verbs;

/// <summary>
/// A verb of the AppHost (<c>publish</c>, <c>doctor</c>, an extension's <c>deploy</c>): a command whose options are
/// parsed with the AppHost's arguments, before the model exists, and whose action runs once the AppHost has built the
/// model, so it takes the verb's context (the model, the parse, configuration) rather than the parse alone.
/// </summary>
/// <param name="run">What the verb does; returns the process's exit code. Read the verb's options from <see cref="AppHostVerbContext.ParseResult"/>.</param>
public sealed class AppHostVerb(string name, string description, Func<AppHostVerbContext, int> run) : Command(name, description)
{
    internal int Run(AppHostVerbContext context) => run(context);
}
