namespace Parity.Hosting;

/// <summary>The AppHost is invalid; nothing was started. Each error names the resource and the fix.</summary>
public sealed class DistributedApplicationValidationException(IReadOnlyList<string> errors)
    : DistributedApplicationException("The AppHost is invalid:" + string.Concat(errors.Select(e => Environment.NewLine + "  - " + e)))
{
    public IReadOnlyList<string> Errors { get; } = errors;
}
