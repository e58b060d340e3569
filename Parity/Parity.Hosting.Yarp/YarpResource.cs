using Parity.Hosting.ApplicationModel;

namespace Parity.Hosting.Yarp;

/// <summary>
/// A YARP reverse proxy: Parity's YARP host, a process locally and its image in the cluster. Its routes and clusters
/// (<see cref="YarpResourceExtensions.WithConfiguration"/>) reach it as <c>ReverseProxy__...</c> environment variables.
/// </summary>
public class YarpResource(string name) : ContainerResource(name), IResourceWithServiceDiscovery
{
    internal const string PrimaryEndpointName = "http";

    /// <summary>The host's image, which deploy builds from the files this package ships.</summary>
    internal const string ImageName = "parity-yarp";

    /// <summary>The host's folder in this package and beside the AppHost (<c>parity/yarp/</c>), and its program.</summary>
    internal const string Tool = "yarp";

    internal const string EntryAssembly = "Parity.Yarp.dll";

    /// <summary>Where the host listens in its container; locally it gets a free port.</summary>
    internal const int ContainerPort = 5000;

    /// <summary>Answered by the host itself, whatever its routes: the engine's and the cluster's probe.</summary>
    internal const string HealthPath = "/_health";

    private readonly List<EnvironmentAnnotation> _configurationVariables = [];

    internal List<YarpRoute> Routes { get; } = [];

    internal List<YarpCluster> Clusters { get; } = [];

    internal string NextRouteId() => $"route{Routes.Count}";

    /// <summary>A cluster id not taken yet: the wanted one, else the wanted one numbered.</summary>
    internal string UniqueClusterId(string wanted)
    {
        var id = wanted;
        for (var n = 2; Clusters.Any(c => c.ClusterId == id); n++)
        {
            id = $"{wanted}_{n}";
        }
        return id;
    }

    /// <summary>
    /// Rewrites the <c>ReverseProxy__</c> variables from the routes and clusters as they are now. Called on every
    /// change, so a route configured after <c>WithConfiguration</c> returned is still what the host gets.
    /// </summary>
    internal void UpdateConfiguration()
    {
        foreach (var variable in _configurationVariables)
        {
            // By reference: an equal variable the user set with WithEnvironment stays.
            var index = Annotations.Select((a, i) => (a, i)).First(p => ReferenceEquals(p.a, variable)).i;
            Annotations.RemoveAt(index);
        }
        _configurationVariables.Clear();
        foreach (var (name, value) in YarpEnvironment.Of(Routes, Clusters))
        {
            var variable = new EnvironmentAnnotation(name, value);
            _configurationVariables.Add(variable);
            Annotations.Add(variable);
        }
    }
}
