namespace Parity.Hosting.Orchestration;

/// <summary>Everything needed to start one process: rendered for the local target, nothing left to resolve.</summary>
internal sealed record ProcessSpec(string FileName, IReadOnlyList<string> Args, string WorkingDirectory, IReadOnlyDictionary<string, string> Environment);
