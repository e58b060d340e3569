using k8s;

namespace EndToEnd.Tests;

/// <summary>
/// A PATH whose first folder holds a stand-in for kubectl: it logs its arguments and succeeds, except that
/// <c>kubectl kustomize</c> runs the real kubectl (which works offline), <c>apply -k DIR</c> also keeps what the real
/// kubectl renders of DIR (the objects a cluster would get), and the shell <c>case</c> arms given answer the calls they match.
/// </summary>
[System.Runtime.Versioning.SupportedOSPlatform("linux")]
internal sealed class FakeKubectl : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("parity-fake-tools-").FullName;

    /// <param name="answers">Arms of a shell <c>case "$*" in ... esac</c>, e.g. <c>*"get service catalog "*) printf green;;</c>.</param>
    public FakeKubectl(string answers = "")
    {
        var realKubectl = (System.Environment.GetEnvironmentVariable("PATH") ?? "").Split(':').Select(d => Path.Combine(d, "kubectl")).First(File.Exists);
        var path = Path.Combine(_folder, "kubectl");
        System.IO.File.WriteAllText(path, $"""
            #!/bin/sh
            case "$1" in kustomize) exec {realKubectl} "$@";; esac
            echo "kubectl $*" >> {CallsFile}
            case "$*" in
              "apply -k "*|*" apply -k "*) for dir; do :; done; {realKubectl} kustomize "$dir" > {AppliedFile} || exit 1;;
            {answers}
            esac

            """);
        System.IO.File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
    }

    /// <summary>The environment that puts the stand-in first on the PATH.</summary>
    public IReadOnlyDictionary<string, string> Environment =>
        new Dictionary<string, string> { ["PATH"] = $"{_folder}:{System.Environment.GetEnvironmentVariable("PATH")}" };

    /// <summary>The shell command that prints <paramref name="text"/> as it is, for an answer.</summary>
    public static string Prints(string text) => $"printf '%s' '{text.Replace("'", "'\\''", StringComparison.Ordinal)}'";

    /// <summary>Every call but <c>kubectl kustomize</c>, in order.</summary>
    public string[] Calls() => System.IO.File.Exists(CallsFile) ? System.IO.File.ReadAllLines(CallsFile) : [];

    /// <summary>The objects the last <c>apply -k</c> applied, as rendered.</summary>
    public IList<object> Applied() => KubernetesYaml.LoadAllFromString(System.IO.File.ReadAllText(AppliedFile));

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private string CallsFile => Path.Combine(_folder, "calls.log");

    private string AppliedFile => Path.Combine(_folder, "applied.yaml");
}
