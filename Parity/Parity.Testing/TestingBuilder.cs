using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Parity.Hosting.ApplicationModel;
using Parity.Hosting.Eventing;

namespace Parity.Testing;

internal sealed class TestingBuilder(DistributedApplicationBuilder inner) : IDistributedApplicationTestingBuilder, IGeneratedSecretsOwner
{
    public ConfigurationManager Configuration => inner.Configuration;

    public IHostEnvironment Environment => inner.Environment;

    public IServiceCollection Services => inner.Services;

    public DistributedApplicationExecutionContext ExecutionContext => inner.ExecutionContext;

    public IDistributedApplicationEventing Eventing => inner.Eventing;

    public string AppHostDirectory => inner.AppHostDirectory;

    public IReadOnlyList<IResource> Resources => inner.Resources;

    GeneratedSecrets IGeneratedSecretsOwner.Secrets => ((IGeneratedSecretsOwner)inner).Secrets;

    public IResourceBuilder<T> AddResource<T>(T resource) where T : IResource => inner.AddResource(resource);

    public IResourceBuilder<T> CreateResourceBuilder<T>(T resource) where T : IResource => inner.CreateResourceBuilder(resource);

    public DistributedApplication Build() => inner.Build();

    public Task<DistributedApplication> BuildAsync(CancellationToken cancellationToken = default) => Task.FromResult(inner.Build());
}
