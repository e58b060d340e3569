using System.Globalization;
using Parity.S3.Http;
using Parity.S3.Storage;

namespace Parity.S3.Operations;

/// <summary>
/// If-Match, If-None-Match, If-Modified-Since and If-Unmodified-Since, with S3's precedence: a matching If-Match
/// overrides If-Unmodified-Since, a failing If-None-Match overrides If-Modified-Since.
/// </summary>
internal static class Preconditions
{
    public enum Outcome
    {
        Proceed,
        NotModified,
        Failed,
    }

    public static Outcome Evaluate(S3Request request, ObjectMetadata metadata, string headerPrefix = "")
    {
        var lastModified = TruncateToSeconds(metadata.LastModified);
        if (request.Header(headerPrefix + "If-Match") is { } ifMatch)
        {
            if (!Matches(ifMatch, metadata.ETag))
            {
                return Outcome.Failed;
            }
        }
        else if (ParseDate(request.Header(headerPrefix + "If-Unmodified-Since")) is { } unmodifiedSince && lastModified > unmodifiedSince)
        {
            return Outcome.Failed;
        }

        if (request.Header(headerPrefix + "If-None-Match") is { } ifNoneMatch)
        {
            if (Matches(ifNoneMatch, metadata.ETag))
            {
                return Outcome.NotModified;
            }
        }
        else if (ParseDate(request.Header(headerPrefix + "If-Modified-Since")) is { } modifiedSince && lastModified <= modifiedSince)
        {
            return Outcome.NotModified;
        }

        return Outcome.Proceed;
    }

    public static bool Matches(string headerValue, string etag) =>
        headerValue.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
            .Any(candidate => candidate == "*" || candidate.Trim('"') == etag);

    private static DateTimeOffset? ParseDate(string? value) =>
        DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var date)
            ? date
            : null;

    private static DateTimeOffset TruncateToSeconds(DateTimeOffset value) =>
        new(value.Ticks - (value.Ticks % TimeSpan.TicksPerSecond), value.Offset);
}
