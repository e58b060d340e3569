using System.Security.Cryptography;

namespace Parity.Hosting.ApplicationModel;

/// <summary>
/// A secret the engine generates for one run (an API key, a token), held as an expression value so that every
/// environment variable carrying it is secret by where its value comes from. It belongs to no resource; it exists
/// only in a local run, so its text is the same for whichever renderer asks.
/// </summary>
public sealed class RunSecret(string value) : IExpressionValue
{
    public string Value { get; } = value;

    public bool IsSecret => true;

    public IEnumerable<IResource> References => [];

    public static RunSecret Generate() => new(Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16)));

    public string Render(IExpressionRenderer renderer) => Value;

    public override string ToString() => "(secret)";
}
