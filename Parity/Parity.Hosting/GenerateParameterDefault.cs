namespace Parity.Hosting;

/// <summary>A parameter value generated once per machine when none is configured (Aspire's shape; length is what counts here).</summary>
public sealed class GenerateParameterDefault
{
    public int MinLength { get; set; } = 22;
}
