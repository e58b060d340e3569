using System.Text;

namespace Notifications;

/// <summary>The text/event-stream wire format: an event is its field lines followed by a blank line.</summary>
public static class ServerSentEventFormatter
{
    /// <summary>A comment line: clients ignore it, but it keeps proxies from closing an idle stream.</summary>
    public const string KeepAlive = ": keep-alive\n\n";

    public static string Event(string name, string data)
    {
        if (name.AsSpan().IndexOfAny('\r', '\n') >= 0)
        {
            throw new ArgumentException("An event name cannot contain a line break.", nameof(name));
        }
        var text = new StringBuilder().Append("event: ").Append(name).Append('\n');
        // A line break inside the data would end the field early; each line becomes its own data field instead,
        // which clients join back with "\n".
        foreach (var line in data.ReplaceLineEndings("\n").Split('\n'))
        {
            text.Append("data: ").Append(line).Append('\n');
        }
        return text.Append('\n').ToString();
    }
}
