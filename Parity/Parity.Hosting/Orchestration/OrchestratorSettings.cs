namespace Parity.Hosting.Orchestration;

internal sealed record OrchestratorSettings(string AppHostDirectory, string StateDirectory)
{
    public string RunFile => Path.Combine(StateDirectory, "run.json");
}
