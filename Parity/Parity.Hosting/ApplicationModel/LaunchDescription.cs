namespace Parity.Hosting.ApplicationModel;

/// <summary>
/// How a resource is launched, for one target: its environment, its arguments and whether it runs once. Built by
/// <see cref="OfAsync"/> alone, from the resource's annotations and callbacks: the orchestrator and its native
/// launchers, the publishers, the dashboard's view of a resource and the parity check all read it, and none assembles
/// these on its own.
/// </summary>
/// <param name="RunsOnce">
/// Runs to completion and is never restarted: locally a run-once resource, in the cluster a Job. So is a resource that
/// declares <see cref="RestartPolicy.Never"/>, or that another waits for with <c>WaitForCompletion</c>.
/// </param>
public sealed record LaunchDescription(
    IReadOnlyDictionary<string, ReferenceExpression> Environment, IReadOnlyList<ReferenceExpression> Args, bool RunsOnce)
{
    /// <summary>The description for a target; the resource's environment and argument callbacks run here.</summary>
    public static async Task<LaunchDescription> OfAsync(
        IResource resource, DistributedApplicationModel model, EnvironmentContext context, CancellationToken cancellationToken = default) => new(
        await ResourceEnvironment.BuildAsync(resource, context, cancellationToken),
        await ArgsAsync(resource, context, cancellationToken),
        IsRunOnce(resource, model));

    /// <summary>
    /// <see cref="OfAsync"/> for callers that are not async (the publishers, run by synchronous verbs). The callbacks
    /// run on the thread pool, so an async callback cannot deadlock on the caller's synchronization context.
    /// </summary>
    public static LaunchDescription Of(IResource resource, DistributedApplicationModel model, EnvironmentContext context) =>
        Wait(() => OfAsync(resource, model, context));

    /// <summary>Whether the resource runs once, without building the rest of its description.</summary>
    public static bool IsRunOnce(IResource resource, DistributedApplicationModel model) =>
        resource.TryGetLastAnnotation<RestartPolicyAnnotation>(out var declared)
            ? declared.Policy == RestartPolicy.Never
            : model.Resources.SelectMany(r => r.AnnotationsOf<WaitAnnotation>())
                .Any(w => w.WaitType == WaitType.WaitUntilCompleted && ReferenceEquals(w.Resource, resource));

    internal static T Wait<T>(Func<Task<T>> build) => Task.Run(build).GetAwaiter().GetResult();

    /// <summary>
    /// Arguments and argument callbacks in the order the AppHost declared them; none outside the local run for a resource published from a
    /// Dockerfile, whose image's own command runs it (the local <c>npm run start</c> is not the container's).
    /// </summary>
    private static async Task<IReadOnlyList<ReferenceExpression>> ArgsAsync(IResource resource, EnvironmentContext context, CancellationToken cancellationToken)
    {
        if (context.Target != EnvironmentTarget.Local && resource.TryGetLastAnnotation<DockerfileBuildAnnotation>(out _))
        {
            return [];
        }
        var args = new List<ReferenceExpression>();
        foreach (var annotation in resource.Annotations)
        {
            switch (annotation)
            {
                case CommandLineArgsAnnotation declared:
                    args.AddRange(declared.Args);
                    break;
                case CommandLineArgsCallbackAnnotation callback:
                    var values = args.Cast<object>().ToList();
                    await callback.Callback(new CommandLineArgsCallbackContext(values, cancellationToken)
                    {
                        ExecutionContext = ExpressionValues.ExecutionContextFor(context.Target),
                        Resource = resource,
                        Target = context.Target,
                    });
                    args = [.. values.Select((v, i) => ExpressionValues.From(v, () => $"argument {i} of '{resource.Name}'"))];
                    break;
            }
        }
        return args;
    }
}
