using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace Gateway;

public static class TokenEndpoint
{
    public const string Path = "/api/token";

    public static IEndpointRouteBuilder MapTokenEndpoint(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapPost(Path, Issue).AllowAnonymous().RequireRateLimiting(ClientRateLimiting.PolicyName);
        return endpoints;
    }

    private static Results<Ok<IssuedToken>, ValidationProblem> Issue(
        [FromBody(EmptyBodyBehavior = EmptyBodyBehavior.Allow)] TokenRequest? request, DevelopmentTokenIssuer issuer)
    {
        var errors = request?.Validate() ?? [];
        return errors.Count > 0
            ? TypedResults.ValidationProblem(errors)
            : TypedResults.Ok(issuer.Issue(request?.User ?? TokenRequest.DefaultUser));
    }
}
