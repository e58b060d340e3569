namespace Parity.Hosting.Publishing;

/// <summary>Names an <see cref="IAppHostExtension"/> by its assembly-qualified type name (written by the extension package's build targets).</summary>
[AttributeUsage(AttributeTargets.Assembly, AllowMultiple = true)]
public sealed class AppHostExtensionAttribute(string typeName) : Attribute
{
    public string TypeName { get; } = typeName;
}
