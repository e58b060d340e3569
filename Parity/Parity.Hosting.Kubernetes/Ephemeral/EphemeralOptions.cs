using System.CommandLine;
using Parity.Hosting.Publishing;

namespace Parity.Hosting.Kubernetes;

/// <summary>The options the ephemeral verbs share, and how their NAME becomes the environment's namespace.</summary>
internal static class EphemeralOptions
{
    public const string DefaultTtl = "72h";

    public static Option<string?> ContextOption() =>
        new("--context") { Description = "The kubectl context to work on; the current one by default" };

    /// <summary><c>--ephemeral [NAME]</c>: given alone, NAME is the current git branch.</summary>
    public static Option<string?> NameOption(string description) => new("--ephemeral")
    {
        Description = description,
        Arity = ArgumentArity.ZeroOrOne,
        Validators =
        {
            // An unknown option right after it (a configuration setting) would otherwise be taken for the name.
            result =>
            {
                if (result.Tokens.FirstOrDefault()?.Value is { } name && name.StartsWith('-'))
                {
                    result.AddError($"'{name}' is not a name for --ephemeral: give the name right after it, or put configuration settings before the verb's options.");
                }
            },
        },
    };

    public static Option<TimeSpan> TtlOption() =>
        Duration.Option("--ttl", "How long an ephemeral environment is meant to live; its namespace is labelled with the time it expires", DefaultTtl);

    /// <summary>The namespace the verb works on: NAME (or the branch) made a namespace of this application.</summary>
    public static string Namespace(AppHostVerbContext context, Option<string?> name) =>
        EphemeralNamespace.For(
            context.Configuration[KubernetesExtension.AppNameKey] ?? KubernetesExtension.DefaultAppName,
            context.ParseResult.GetValue(name) ?? EphemeralNamespace.CurrentBranch(context.AppHostDirectory));

    public static bool Given(AppHostVerbContext context, Option<string?> name) => context.ParseResult.GetResult(name) is not null;
}
