using System.CommandLine;
using System.Globalization;
using System.Text.RegularExpressions;

namespace Parity.Hosting.Kubernetes;

/// <summary>Durations as kubectl writes them (<c>90s</c>, <c>5m</c>, <c>1h30m</c>), plus days (<c>3d</c>) for lifetimes.</summary>
public static partial class Duration
{
    public static TimeSpan Parse(string text)
    {
        var match = Pattern().Match(text.Trim());
        if (!match.Success)
        {
            throw new FormatException($"'{text}' is not a duration: write it as kubectl does, e.g. 90s, 5m, 1h30m, 3d.");
        }
        var total = TimeSpan.Zero;
        foreach (Capture part in match.Groups["part"].Captures)
        {
            var amount = int.Parse(part.Value[..^1], CultureInfo.InvariantCulture);
            total += part.Value[^1] switch
            {
                'd' => TimeSpan.FromDays(amount),
                'h' => TimeSpan.FromHours(amount),
                'm' => TimeSpan.FromMinutes(amount),
                _ => TimeSpan.FromSeconds(amount),
            };
        }
        return total > TimeSpan.Zero ? total : throw new FormatException($"'{text}' is no time at all: give a duration above zero.");
    }

    /// <summary>For kubectl's <c>--timeout</c>: whole seconds, which every kubectl version reads.</summary>
    public static string ForKubectl(TimeSpan duration) => $"{(long)Math.Ceiling(duration.TotalSeconds)}s";

    /// <summary>An option taking a duration, with its default written as the user would write it.</summary>
    public static Option<TimeSpan> Option(string name, string description, string defaultValue) => new(name)
    {
        Description = $"{description} (e.g. 90s, 5m, 1h30m, 3d; {defaultValue} by default)",
        DefaultValueFactory = _ => Parse(defaultValue),
        CustomParser = result =>
        {
            try
            {
                return Parse(result.Tokens.Single().Value);
            }
            catch (FormatException e)
            {
                result.AddError($"{name}: {e.Message}");
                return TimeSpan.Zero;
            }
        },
    };

    [GeneratedRegex(@"^(?<part>\d{1,6}[dhms])+$")]
    private static partial Regex Pattern();
}
