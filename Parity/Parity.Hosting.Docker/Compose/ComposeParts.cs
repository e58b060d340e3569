namespace Parity.Hosting.Docker;

/// <summary>An image Compose builds from a Dockerfile: the context relative to the Compose file, the Dockerfile relative to the context.</summary>
internal sealed record ComposeBuild(string Context, string Dockerfile);

/// <summary>What a service waits for in another: <c>service_started</c>, <c>service_healthy</c> or <c>service_completed_successfully</c>.</summary>
internal sealed record ComposeDependency(string Condition);

/// <summary>How many containers of a service run.</summary>
internal sealed record ComposeDeploy(int Replicas);

/// <summary>The one network every service joins, so service names resolve as hosts.</summary>
internal sealed record ComposeNetwork(string Driver);

/// <summary>A named volume, kept across <c>docker compose down</c> (removed only with <c>-v</c>).</summary>
internal sealed record ComposeVolume(string Driver);

/// <summary>A check Compose runs in the container; <c>depends_on: service_healthy</c> waits for it to pass.</summary>
internal sealed record ComposeHealthcheck(List<string> Test, string Interval, string Timeout, int Retries, string StartPeriod);
