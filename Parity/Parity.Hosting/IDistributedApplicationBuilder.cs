using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Parity.Hosting.ApplicationModel;
using Parity.Hosting.Eventing;

namespace Parity.Hosting;

public interface IDistributedApplicationBuilder
{
    ConfigurationManager Configuration { get; }

    IHostEnvironment Environment { get; }

    IServiceCollection Services { get; }

    DistributedApplicationExecutionContext ExecutionContext { get; }

    /// <summary>Subscriptions to the AppHost's events (<see cref="BeforeStartEvent"/>, <see cref="ResourceReadyEvent"/>, ...).</summary>
    IDistributedApplicationEventing Eventing { get; }

    /// <summary>The AppHost project's folder; relative project and working-directory paths start here.</summary>
    string AppHostDirectory { get; }

    IReadOnlyList<IResource> Resources { get; }

    IResourceBuilder<T> AddResource<T>(T resource) where T : IResource;

    IResourceBuilder<T> CreateResourceBuilder<T>(T resource) where T : IResource;

    DistributedApplication Build();
}
