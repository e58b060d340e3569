using Parity.Hosting.ApplicationModel;

namespace Parity.Hosting.Orchestration;

/// <summary>Who waits for whom (WaitFor, WaitForCompletion), and who uses whom (WithReference and expressions).</summary>
internal sealed class DependencyGraph(DistributedApplicationModel model)
{
    public static IEnumerable<IResource> WaitsOf(IResource resource) => resource.AnnotationsOf<WaitAnnotation>().Select(w => w.Resource);

    /// <summary>Every resource this one needs: waits, references and the resources its expressions point at.</summary>
    public static IEnumerable<IResource> DependenciesOf(IResource resource) =>
        WaitsOf(resource)
            .Concat(resource.AnnotationsOf<ResourceReferenceAnnotation>().Select(r => r.Target))
            .Concat(ExpressionsOf(resource).SelectMany(e => e.References))
            .Where(r => !ReferenceEquals(r, resource))
            .Distinct();

    /// <summary>Everything a resource needs, directly or through others: a service → its database → the database's server.</summary>
    public static IReadOnlySet<IResource> AllDependenciesOf(IResource resource)
    {
        var found = new HashSet<IResource>();
        var pending = new Stack<IResource>([resource]);
        while (pending.TryPop(out var next))
        {
            foreach (var dependency in DependenciesOf(next))
            {
                if (found.Add(dependency))
                {
                    pending.Push(dependency);
                }
            }
        }
        found.Remove(resource);
        return found;
    }

    public static IEnumerable<ReferenceExpression> ExpressionsOf(IResource resource) =>
        resource.AnnotationsOf<EnvironmentAnnotation>().Select(e => e.Value)
            .Concat(resource.AnnotationsOf<CommandLineArgsAnnotation>().SelectMany(a => a.Args))
            .Concat(resource is IResourceWithConnectionString c && resource is not ConnectionStringParameterResource ? [c.ConnectionStringExpression] : []);

    /// <summary>A cycle of waits, as the list of names around it, or null.</summary>
    public IReadOnlyList<string>? FindWaitCycle()
    {
        var done = new HashSet<IResource>();
        var path = new List<IResource>();
        foreach (var resource in model.Resources)
        {
            if (Visit(resource, done, path) is { } cycle)
            {
                return cycle;
            }
        }
        return null;
    }

    /// <summary>Rounds of resources to stop together: a resource stops after everything that depends on it.</summary>
    public IEnumerable<IReadOnlyList<IResource>> StopOrder(IEnumerable<IResource> running)
    {
        var remaining = running.ToHashSet();
        var needs = remaining.ToDictionary(r => r, AllDependenciesOf);
        while (remaining.Count > 0)
        {
            var round = remaining.Where(r => !remaining.Any(other => other != r && needs[other].Contains(r))).ToList();
            if (round.Count == 0)
            {
                round = [.. remaining]; // references may form cycles; stop the rest together
            }
            remaining.ExceptWith(round);
            yield return round;
        }
    }

    private static List<string>? Visit(IResource resource, HashSet<IResource> done, List<IResource> path)
    {
        var index = path.IndexOf(resource);
        if (index >= 0)
        {
            return [.. path.Skip(index).Append(resource).Select(r => r.Name)];
        }
        if (!done.Add(resource))
        {
            return null;
        }
        path.Add(resource);
        foreach (var dependency in WaitsOf(resource))
        {
            if (Visit(dependency, done, path) is { } cycle)
            {
                return cycle;
            }
        }
        path.RemoveAt(path.Count - 1);
        return null;
    }
}
