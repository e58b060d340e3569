namespace Parity.Dashboard.Security;

/// <summary>The 401 of the frontend: tells a person in a browser how to sign in, and a program what to send.</summary>
public static class SignInRefusal
{
    private const string Page =
        "<!DOCTYPE html><title>Sign in · Parity</title><h1>Sign in to the Parity dashboard</h1>"
        + "<p>Open the login URL the AppHost printed when it started (<code>Dashboard: http://…/login?t=…</code>); "
        + "it is also in <code>.parity/run.json</code> under <code>dashboard.loginUrl</code>.</p>";

    public static IResult For(HttpRequest request) => request.Path.StartsWithSegments("/api")
        ? Results.Problem(
            "Send the browser token as 'Authorization: Bearer <token>' (the t= value of the login URL).",
            statusCode: StatusCodes.Status401Unauthorized)
        : Results.Content(Page, "text/html; charset=utf-8", statusCode: StatusCodes.Status401Unauthorized);
}
