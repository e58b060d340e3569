using System.CommandLine;
using System.CommandLine.Help;
using Parity.Hosting.Orchestration;
using Parity.Hosting.Publishing;

namespace Parity.Hosting.Verbs;

/// <summary>
/// The AppHost's command line (<c>dotnet run --project AppHost -- ARGS</c>), parsed in one place. Without a verb the
/// AppHost runs the app; <c>publish</c>, <c>doctor</c> and the extensions' verbs work on the model and start nothing, as
/// does Aspire's form of publishing at the root (<c>--publisher NAME</c> or <c>--operation publish</c>, with <c>--output DIR</c> or
/// <c>--output-path FILE</c>). Arguments no verb or option claims are the AppHost's configuration settings
/// (<c>--Parity:StateDirectory DIR</c>, <c>--Parameters:x=y</c>), which no one declares here: they are allowed, and they
/// alone reach configuration, where a verb's switch such as <c>--dry-run</c> would take the next argument as its value.
/// </summary>
internal sealed class AppHostCommandLine
{
    private readonly Option<string?> _publisher = new("--publisher") { Description = "Aspire's form of publish: a publisher (manifest)" };
    private readonly Option<string?> _operation = new Option<string?>("--operation") { Description = "Aspire's form: publish publishes; run (the default) runs" }
        .AcceptOnlyFromAmong("run", "publish");
    private readonly Option<string?> _output = new("--output") { Description = "The folder to publish into; the solution root by default" };
    private readonly Option<string?> _manifestPath = new("--output-path") { Description = "Aspire's form: only aspire-manifest.json, written to this file" };
    private readonly Option<bool> _watch = new("--watch") { Description = "Rebuild a project when its sources change and swap its processes in, with no downtime" };
    private readonly AppHostVerb _publish;
    private readonly AppHostVerb _doctor;
    private readonly Option<bool> _persistent = new("--persistent") { Description = "The persistent resources earlier runs left running", Required = true };
    private readonly RootCommand _root;

    public AppHostCommandLine(IReadOnlyList<string> args, IReadOnlyList<IAppHostExtension> extensions)
    {
        var format = new Option<string?>("--format") { Description = "Writes only this kind of artifact; every kind by default" }
            .AcceptOnlyFromAmong(PublishCommand.Formats(extensions));
        _publish = new AppHostVerb("publish", "Writes aspire-manifest.json and what the extensions publish (deploy/kubernetes/, deploy/compose/)",
            context => PublishCommand.Run(context, extensions, context.OutputDirectory(_output), context.ParseResult.GetValue(_manifestPath), context.ParseResult.GetValue(format)))
        {
            _output,
            _manifestPath,
            format,
            new Option<bool>(PublishedDashboard.OptionName) { Description = "The published artifacts run the dashboard too, and every project exports its telemetry to it" },
        };
        foreach (var option in extensions.SelectMany(e => e.PublishOptions))
        {
            _publish.Add(option);
        }
        _doctor = new AppHostVerb("doctor", "Lists the programs a run needs and this machine lacks, one JSON object per line",
            context => DoctorCommand.Run(context.Model));
        _root = new RootCommand("Runs the AppHost, or with a verb works on its model and starts nothing. Other arguments are "
            + "configuration settings: --Key=value or --Key value (--Parity:StateDirectory DIR, --Parameters:name=value).")
        {
            _publisher,
            _operation,
            _output,
            _manifestPath,
            _watch,
            _publish,
            _doctor,
            new AppHostVerb("stop", "Stops the persistent resources earlier runs left running (--persistent) and removes their own data",
                context => StopPersistentCommand.Run(context.StateDirectory)) { _persistent },
        };
        foreach (var verb in extensions.SelectMany(e => e.Verbs))
        {
            _root.Add(verb);
        }
        // An AppHost has no version of its own to print, and no directives: "[x]" or "@file" are settings' values here.
        _root.Options.Remove(_root.Options.OfType<VersionOption>().Single());
        _root.Directives.Clear();
        // The run itself is the host's, once the model is built; an action here only says that no verb is required.
        _root.SetAction(_ => 0);
        foreach (var command in _root.Subcommands.Prepend(_root))
        {
            command.TreatUnmatchedTokensAsErrors = false;
        }

        ParseResult = _root.Parse(args, new ParserConfiguration { ResponseFileTokenReplacer = null });
        var configuration = new ConfigurationArguments(ParseResult.UnmatchedTokens);
        ConfigurationArgs = configuration.Settings;
        var invoked = ParseResult.CommandResult.Command;
        var aspirePublishes = ParseResult.Errors.Count == 0 && invoked == _root && (ParseResult.GetValue(_publisher) is not null || ParseResult.GetValue(_operation) == "publish");
        Verb = invoked as AppHostVerb ?? (aspirePublishes ? _publish : null);
        Error = ParseResult.Errors.Count > 0
            ? $"{string.Join(Environment.NewLine, ParseResult.Errors.Select(e => e.Message))}{Environment.NewLine}See {HelpCommandOf(invoked)}."
            : configuration.Stray.Count > 0
                ? StrayError(configuration.Stray[0], invoked)
                : invoked == _root && !aspirePublishes && (ParseResult.GetResult(_output) ?? ParseResult.GetResult(_manifestPath)) is { } publishOnly
                    ? $"{publishOnly.IdentifierToken?.Value} is an option of publishing: give it after publish, or with Aspire's --publisher manifest or --operation publish."
                    : null;
    }

    public ParseResult ParseResult { get; }

    /// <summary>Whether the run watches the projects' sources (<c>--watch</c>).</summary>
    public bool Watch => ParseResult.GetValue(_watch);

    /// <summary>The arguments .NET configuration reads: those no verb or option claimed, in the order given.</summary>
    public IReadOnlyList<string> ConfigurationArgs { get; }

    /// <summary>Why the arguments cannot be acted on (an unknown verb, a missing option value), or null.</summary>
    public string? Error { get; }

    /// <summary>Whether the arguments ask for help (<c>--help</c>, <c>-h</c>, after a verb or not), which the AppHost prints and stops.</summary>
    public bool ShowsHelp => ParseResult.Action is HelpAction;

    /// <summary>The verb to run, Aspire's form of publish included; null for a run of the app.</summary>
    public AppHostVerb? Verb { get; }

    /// <summary>A run only when nothing else is asked for: help, errors and verbs start nothing, as publishing.</summary>
    public DistributedApplicationOperation Operation =>
        Verb is null && Error is null && !ShowsHelp ? DistributedApplicationOperation.Run : DistributedApplicationOperation.Publish;

    /// <summary>Prints the help the arguments ask for (the verbs and options of the command they name).</summary>
    public void PrintHelp(TextWriter output) => ParseResult.Invoke(new InvocationConfiguration { Output = output });

    /// <summary>
    /// Runs <see cref="Verb"/>. Every verb but doctor and stop needs a valid model; doctor's list is worth having while the model
    /// has other errors, and what runs must be stoppable whatever the model says now.
    /// </summary>
    public int RunVerb(AppHostVerbContext context)
    {
        var verb = Verb ?? throw new InvalidOperationException("The arguments name no verb: they run the app.");
        if (verb != _doctor && verb.Name != "stop")
        {
            ModelValidator.Validate(context.Model, forRun: false);
        }
        return verb.Run(context);
    }

    private string StrayError(string token, Command invoked) =>
        invoked == _root
            ? $"'{token}' is neither a verb of this AppHost ({string.Join(", ", _root.Subcommands.Select(c => c.Name))}) "
                + $"nor a configuration setting (--Key=value, --Key value). See {HelpCommandOf(invoked)}."
            : $"'{token}' is neither an option of '{invoked.Name}' nor a configuration setting (--Key=value, --Key value). "
                + $"See {HelpCommandOf(invoked)}.";

    private string HelpCommandOf(Command command) => command == _root ? "--help" : $"{command.Name} --help";
}
