namespace Parity.Testing;

/// <summary>An AppHost's builder, set up for a test: random ports, its own state folder, quiet output.</summary>
public interface IDistributedApplicationTestingBuilder : IDistributedApplicationBuilder
{
    Task<DistributedApplication> BuildAsync(CancellationToken cancellationToken = default);
}
