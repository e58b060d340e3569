namespace Parity.Hosting;

public enum DistributedApplicationOperation
{
    Run,
    Publish,
}

public sealed class DistributedApplicationExecutionContext(DistributedApplicationOperation operation)
{
    public DistributedApplicationOperation Operation { get; } = operation;

    public bool IsRunMode => Operation == DistributedApplicationOperation.Run;

    public bool IsPublishMode => Operation == DistributedApplicationOperation.Publish;

    /// <summary>
    /// Aspire's forms: <c>--operation publish</c> or <c>--publisher NAME</c>; also the verbs <c>publish</c> and <c>doctor</c>,
    /// and the verbs of extensions (<c>parity</c>, <c>deploy</c>), which need the model as publishing sees it and none of
    /// the programs a run needs (doctor lists them).
    /// </summary>
    internal static DistributedApplicationOperation FromArgs(string[] args, IEnumerable<string> extensionVerbs)
    {
        var publish = (args.Length > 0 && (args[0] is "publish" or "doctor" || extensionVerbs.Contains(args[0])))
            || args.Contains("--publisher")
            || args.Zip(args.Skip(1)).Any(p => p.First == "--operation" && p.Second == "publish");
        return publish ? DistributedApplicationOperation.Publish : DistributedApplicationOperation.Run;
    }
}
