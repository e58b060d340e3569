/// <summary>
/// Who issues the store's bearer tokens, per target. A local run (Development) gets the development signing key, with
/// which the gateway issues tokens itself; the cluster and aspire-manifest.json (Production) get the OpenID Connect
/// authority and audience instead. Each target carries all three keys, the other target's empty, so the parity check
/// compares them like any other setting.
/// </summary>
internal static class TokenIssuerSettings
{
    public static IResourceBuilder<ProjectResource> WithTokenIssuer(
        this IResourceBuilder<ProjectResource> project,
        IResourceBuilder<ParameterResource> developmentSigningKey,
        IResourceBuilder<ParameterResource> authority,
        IResourceBuilder<ParameterResource> audience) =>
        project.WithEnvironment(context =>
        {
            var local = context.ExecutionContext.IsRunMode;
            context.EnvironmentVariables["Jwt__SigningKey"] = local ? developmentSigningKey.Resource : "";
            context.EnvironmentVariables["Authentication__Authority"] = local ? "" : authority.Resource;
            context.EnvironmentVariables["Authentication__Audience"] = local ? "" : audience.Resource;
        });
}
