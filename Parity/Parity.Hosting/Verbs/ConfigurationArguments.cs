namespace Parity.Hosting.Verbs;

/// <summary>
/// The arguments no verb or option claimed, sorted the way .NET configuration's command-line provider reads them:
/// <c>--Key=value</c>, <c>/Key=value</c> and <c>Key=value</c> are settings, and so is <c>--Key value</c> (or <c>/Key value</c>),
/// which takes the next argument as its value. The provider ignores anything else (a bare word such as a mistyped
/// verb, or <c>-x</c>) and throws on <c>-x=value</c>: those are <see cref="Stray"/>, errors rather than settings.
/// </summary>
internal sealed class ConfigurationArguments
{
    public ConfigurationArguments(IReadOnlyList<string> unmatched)
    {
        var settings = new List<string>();
        var stray = new List<string>();
        for (var i = 0; i < unmatched.Count; i++)
        {
            var token = unmatched[i];
            if (token.StartsWith('-') && !token.StartsWith("--", StringComparison.Ordinal))
            {
                stray.Add(token); // configuration reads a single-dash key only through switch mappings, which the AppHost has none of
            }
            else if (token.Contains('='))
            {
                settings.Add(token);
            }
            else if (token.StartsWith("--", StringComparison.Ordinal) || token.StartsWith('/'))
            {
                settings.Add(token);
                if (i + 1 < unmatched.Count)
                {
                    settings.Add(unmatched[++i]); // its value, whatever it looks like
                }
            }
            else
            {
                stray.Add(token);
            }
        }
        Settings = settings;
        Stray = stray;
    }

    /// <summary>What configuration gets, in the order given.</summary>
    public IReadOnlyList<string> Settings { get; }

    /// <summary>Arguments that are neither a verb, an option, nor a setting.</summary>
    public IReadOnlyList<string> Stray { get; }
}
