using System.Diagnostics;
using System.Text;
using System.Text.Json;

namespace Parity.Tests;

/// <summary>
/// An AppHost started as its own process with random ports and a temporary state folder, observed through the
/// run.json contract, and ended with real signals.
/// </summary>
public sealed class RunningAppHost : IAsyncDisposable
{
    private readonly StringBuilder _output = new();

    private readonly string _appHostDll;

    private RunningAppHost(Process process, string stateDirectory, string appHostDll)
    {
        Process = process;
        StateDirectory = stateDirectory;
        _appHostDll = appHostDll;
    }

    public Process Process { get; }

    public string StateDirectory { get; }

    public string RunFile => Path.Combine(StateDirectory, "run.json");

    /// <summary>Everything the AppHost printed so far (stdout and stderr).</summary>
    public string Output
    {
        get
        {
            lock (_output)
            {
                return _output.ToString();
            }
        }
    }

    public static RunningAppHost Start(string appHostDll, params string[] args)
    {
        var state = Directory.CreateTempSubdirectory("parity-apphost-").FullName;
        var info = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in (string[])[appHostDll, "--Parity:RandomizePorts=true", $"--Parity:StateDirectory={state}", .. args])
        {
            info.ArgumentList.Add(arg);
        }
        info.Environment["NO_COLOR"] = "1";
        var host = new RunningAppHost(Process.Start(info)!, state, appHostDll);
        host.Process.OutputDataReceived += (_, e) => host.Append(e.Data);
        host.Process.ErrorDataReceived += (_, e) => host.Append(e.Data);
        host.Process.BeginOutputReadLine();
        host.Process.BeginErrorReadLine();
        return host;
    }

    /// <summary>Polls run.json until the predicate holds for the named resource.</summary>
    public async Task<JsonElement> WaitForResourceAsync(string name, Func<JsonElement, bool> predicate, CancellationToken cancellationToken)
    {
        JsonElement? last = null;
        while (true)
        {
            if (Process.HasExited)
            {
                throw new InvalidOperationException($"The AppHost exited with code {Process.ExitCode}:{Environment.NewLine}{Output}");
            }
            if (ReadRun() is { } run && Resource(run, name) is { } resource)
            {
                if (predicate(resource))
                {
                    return resource;
                }
                last = resource;
            }
            if (cancellationToken.IsCancellationRequested)
            {
                throw new TimeoutException($"'{name}' never got there; last seen: {last?.ToString() ?? "absent"}{Environment.NewLine}The AppHost printed:{Environment.NewLine}{Output}");
            }
            await Task.Delay(200, CancellationToken.None);
        }
    }

    public Task<JsonElement> WaitForResourceStateAsync(string name, string state, CancellationToken cancellationToken) =>
        WaitForResourceAsync(name, r => r.GetProperty("state").GetString() == state, cancellationToken);

    /// <summary>Polls run.json until every resource is ready (serving with its health check passing, or finished), as <c>parity start</c> does.</summary>
    public async Task WaitForAllReadyAsync(CancellationToken cancellationToken)
    {
        foreach (var name in await ResourceNamesAsync(cancellationToken))
        {
            await WaitForResourceAsync(name, r => r.GetProperty("ready").GetBoolean(), cancellationToken);
        }
    }

    private async Task<IReadOnlyList<string>> ResourceNamesAsync(CancellationToken cancellationToken)
    {
        var run = ReadRun();
        while (run is null)
        {
            if (Process.HasExited || cancellationToken.IsCancellationRequested)
            {
                throw new InvalidOperationException($"The AppHost wrote no run.json:{Environment.NewLine}{Output}");
            }
            await Task.Delay(200, CancellationToken.None);
            run = ReadRun();
        }
        return [.. run.Value.GetProperty("resources").EnumerateArray().Select(r => r.GetProperty("name").GetString()!)];
    }

    /// <summary>Every process the AppHost reports in run.json.</summary>
    public IReadOnlyList<int> Pids() => ReadRun() is { } run
        ? [.. run.GetProperty("resources").EnumerateArray()
            .SelectMany(r => r.GetProperty("replicas").EnumerateArray())
            .Where(r => r.GetProperty("pid").ValueKind == JsonValueKind.Number)
            .Select(r => r.GetProperty("pid").GetInt32())]
        : [];

    /// <summary>The processes of the resources declared persistent and their companions, from their records.</summary>
    public IReadOnlyList<int> PersistentPids()
    {
        var folder = Path.Combine(StateDirectory, "persistent");
        var records = Directory.Exists(folder) ? Directory.GetFiles(folder, "*.json") : [];
        return [.. records.Select(path => JsonDocument.Parse(File.ReadAllText(path)).RootElement)
            .SelectMany(r => r.GetProperty("companions").EnumerateArray().Append(r.GetProperty("process")))
            .Select(p => p.GetProperty("pid").GetInt32())];
    }

    public static int PidOf(JsonElement resource) => resource.GetProperty("replicas")[0].GetProperty("pid").GetInt32();

    public static string UrlOf(JsonElement resource) => resource.GetProperty("urls")[0].GetProperty("url").GetString()!;

    public void Signal(string signal) => Process.Start("kill", [$"-{signal}", Process.Id.ToString()])!.WaitForExit();

    /// <summary>Runs the AppHost's <c>stop --persistent</c> verb on this state folder; its exit code and output.</summary>
    public async Task<(int ExitCode, string Output)> StopPersistentAsync()
    {
        var info = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in (string[])[_appHostDll, "stop", "--persistent", $"--Parity:StateDirectory={StateDirectory}"])
        {
            info.ArgumentList.Add(arg);
        }
        using var verb = Process.Start(info)!;
        var output = verb.StandardOutput.ReadToEndAsync();
        var errors = verb.StandardError.ReadToEndAsync();
        await verb.WaitForExitAsync();
        return (verb.ExitCode, await output + await errors);
    }

    /// <summary>
    /// Kills the AppHost if it still runs, waits for everything it started to go, stops what it left persistent, and
    /// deletes its state.
    /// </summary>
    public async ValueTask DisposeAsync()
    {
        var descendants = Process.HasExited ? [] : ProcessProbe.DescendantsOf(Process.Id);
        if (!Process.HasExited)
        {
            Process.Kill(); // the engine's children follow it (parent-death signal)
            await Process.WaitForExitAsync();
        }
        Process.Dispose();
        await ProcessProbe.WaitUntilGoneAsync(descendants, TimeSpan.FromSeconds(30), CancellationToken.None);
        var persistent = Path.Combine(StateDirectory, "persistent");
        if (Directory.Exists(persistent) && Directory.EnumerateFiles(persistent, "*.json").Any())
        {
            await StopPersistentAsync();
        }
        Directory.Delete(StateDirectory, recursive: true);
    }

    private JsonElement? ReadRun()
    {
        try
        {
            using var document = JsonDocument.Parse(File.ReadAllText(RunFile));
            return document.RootElement.Clone();
        }
        catch (FileNotFoundException)
        {
            return null; // not written yet
        }
    }

    private static JsonElement? Resource(JsonElement run, string name) =>
        run.GetProperty("resources").EnumerateArray().Cast<JsonElement?>().FirstOrDefault(r => r!.Value.GetProperty("name").GetString() == name);

    private void Append(string? line)
    {
        if (line is not null)
        {
            lock (_output)
            {
                _output.AppendLine(line);
            }
        }
    }
}
