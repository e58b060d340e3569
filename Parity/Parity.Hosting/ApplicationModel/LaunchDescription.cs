namespace Parity.Hosting.ApplicationModel;

/// <summary>
/// How a resource is launched, for one target: its environment, its arguments and whether it runs once. Built by
/// <see cref="Of"/> alone, from the resource's annotations: the orchestrator and its native launchers, the publishers,
/// the dashboard's view of a resource and the parity check all read it, and none assembles these on its own.
/// </summary>
/// <param name="RunsOnce">
/// Runs to completion and is never restarted: locally a run-once resource, in the cluster a Job. So is a resource that
/// declares <see cref="RestartPolicy.Never"/>, or that another waits for with <c>WaitForCompletion</c>.
/// </param>
public sealed record LaunchDescription(
    IReadOnlyDictionary<string, ReferenceExpression> Environment, IReadOnlyList<ReferenceExpression> Args, bool RunsOnce)
{
    public static LaunchDescription Of(IResource resource, DistributedApplicationModel model, EnvironmentContext context) => new(
        ResourceEnvironment.Build(resource, context),
        ArgsOf(resource, context),
        IsRunOnce(resource, model));

    /// <summary>
    /// The declared arguments; none outside the local run for a resource published from a Dockerfile, whose image's
    /// own command runs it (the local <c>npm run start</c> is not the container's).
    /// </summary>
    private static IReadOnlyList<ReferenceExpression> ArgsOf(IResource resource, EnvironmentContext context) =>
        context.Target != EnvironmentTarget.Local && resource.TryGetLastAnnotation<DockerfileBuildAnnotation>(out _)
            ? []
            : [.. resource.AnnotationsOf<CommandLineArgsAnnotation>().SelectMany(a => a.Args)];

    /// <summary>Whether the resource runs once, without building the rest of its description.</summary>
    public static bool IsRunOnce(IResource resource, DistributedApplicationModel model) =>
        resource.TryGetLastAnnotation<RestartPolicyAnnotation>(out var declared)
            ? declared.Policy == RestartPolicy.Never
            : model.Resources.SelectMany(r => r.AnnotationsOf<WaitAnnotation>())
                .Any(w => w.WaitType == WaitType.WaitUntilCompleted && ReferenceEquals(w.Resource, resource));
}
