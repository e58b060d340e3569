namespace Parity.Hosting.ApplicationModel;

/// <summary>The launch profile a project runs with locally (its environment variables; its URLs became endpoints).</summary>
public sealed record LaunchProfileAnnotation(string ProfileName, IReadOnlyDictionary<string, string> EnvironmentVariables) : IResourceAnnotation;
