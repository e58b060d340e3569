namespace Parity.Hosting.ApplicationModel;

public sealed class UpdateCommandStateContext
{
    /// <summary>The resource's state now.</summary>
    public required CustomResourceSnapshot ResourceSnapshot { get; init; }

    public required IServiceProvider ServiceProvider { get; init; }
}
