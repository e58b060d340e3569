using Parity.Hosting.ApplicationModel;

namespace Parity.Hosting.Kubernetes;

/// <summary>
/// How a new release of a project replaces the running one in the cluster, published as plain objects (no mesh, no
/// operator) and moved along by the <c>promote</c> and <c>rollback</c> verbs. <see cref="Rolling"/> is the default.
/// </summary>
public abstract record DeploymentStrategy
{
    /// <summary>The label that tells a blue/green project's two Deployments apart; its Service selects the live one.</summary>
    public const string ColorLabel = "parity.dev/color";

    /// <summary>The label that tells a canary project's stable pods from its canary pods.</summary>
    public const string TrackLabel = "parity.dev/track";

    private protected DeploymentStrategy()
    {
    }

    /// <summary>One Deployment, updated in place a pod at a time, never below its declared capacity.</summary>
    public static DeploymentStrategy Rolling() => RollingStrategy.Instance;

    /// <summary>Two full-size Deployments, <c>NAME-blue</c> and <c>NAME-green</c>; the Service selects the live colour (blue at first).</summary>
    public static DeploymentStrategy BlueGreen() => new BlueGreenStrategy();

    /// <summary>
    /// A stable Deployment <c>NAME</c> and a one-pod <c>NAME-canary</c> behind the same Service; an external endpoint
    /// also gets an ingress-nginx canary Ingress whose weight starts at <paramref name="weight"/> percent and goes
    /// 25, 50, 100 with each <c>promote</c>.
    /// </summary>
    public static DeploymentStrategy Canary(int weight = CanaryStrategy.DefaultWeight) => weight is > 0 and < 100
        ? new CanaryStrategy(weight)
        : throw new ArgumentOutOfRangeException(nameof(weight), weight, "A canary's first weight is a percentage from 1 to 99.");

    /// <summary>The name the verbs and errors use: rolling, blue-green or canary.</summary>
    public abstract string Name { get; }
}

public sealed record RollingStrategy : DeploymentStrategy
{
    internal static readonly RollingStrategy Instance = new();

    public override string Name => "rolling";
}

public sealed record BlueGreenStrategy : DeploymentStrategy
{
    public const string Blue = "blue";
    public const string Green = "green";

    public override string Name => "blue-green";

    /// <summary>The colour that is not <paramref name="color"/>.</summary>
    public static string Other(string color) => color == Blue ? Green : Blue;
}

public sealed record CanaryStrategy : DeploymentStrategy
{
    public const int DefaultWeight = 5;

    internal CanaryStrategy(int weight) => Weight = weight;

    /// <summary>The share of external traffic, in percent, the canary gets first.</summary>
    public int Weight { get; }

    public override string Name => "canary";

    /// <summary>The weights <c>promote</c> steps through: the first weight, then 25, 50 and 100 where above it.</summary>
    public IReadOnlyList<int> Steps => [Weight, .. new[] { 25, 50, 100 }.Where(step => step > Weight)];
}

/// <summary>The strategy a project is published with (<see cref="DeploymentStrategyExtensions.PublishWithStrategy"/>).</summary>
public sealed class DeploymentStrategyAnnotation(DeploymentStrategy strategy) : IResourceAnnotation
{
    public DeploymentStrategy Strategy { get; } = strategy;
}

public static class DeploymentStrategyExtensions
{
    /// <summary>
    /// Publishes the project with <paramref name="strategy"/>, e.g. <c>.PublishWithStrategy(DeploymentStrategy.BlueGreen())</c>
    /// or <c>.PublishWithStrategy(DeploymentStrategy.Canary(weight: 5))</c>. Kubernetes only: the local run and Compose keep one process or service.
    /// </summary>
    public static IResourceBuilder<ProjectResource> PublishWithStrategy(this IResourceBuilder<ProjectResource> builder, DeploymentStrategy strategy)
    {
        ArgumentNullException.ThrowIfNull(strategy);
        return builder.WithAnnotation(new DeploymentStrategyAnnotation(strategy));
    }

    /// <summary>The strategy declared last on the resource, or rolling.</summary>
    public static DeploymentStrategy DeploymentStrategyOf(this IResource resource) =>
        resource.TryGetLastAnnotation<DeploymentStrategyAnnotation>(out var annotation) ? annotation.Strategy : DeploymentStrategy.Rolling();
}
