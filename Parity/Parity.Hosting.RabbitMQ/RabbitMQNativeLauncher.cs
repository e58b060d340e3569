using System.Globalization;
using System.Net.Sockets;
using System.Text;
using Parity.Hosting.ApplicationModel;

namespace Parity.Hosting.Integrations.RabbitMQ;

/// <summary>
/// Runs the broker with nothing shared with a system RabbitMQ: its HOME (where the Erlang cookie lives), database,
/// configuration and logs are in its data folder, and it registers with an epmd of its own on a private port, which
/// runs as a companion process and so stops with it. Ready once a login with the resource's credentials succeeds.
/// </summary>
internal sealed class RabbitMQNativeLauncher : INativeLauncher
{
    // Not the /usr/sbin wrapper: that one switches to the rabbitmq user and its cookie.
    internal const string ServerScript = "/usr/lib/rabbitmq/bin/rabbitmq-server";

    // Set once a login has succeeded against the current process; later probes only connect (see IsReadyAsync).
    private volatile bool _loggedIn;

    public Task<ProcessSpec> PrepareAsync(NativeLaunchContext context, CancellationToken cancellationToken)
    {
        _loggedIn = false;
        var rabbit = (RabbitMQServerResource)context.Resource;
        var home = context.DataDirectory;
        var config = Directory.CreateDirectory(Path.Combine(home, "config")).FullName;
        var epmdPort = Text(context.AllocatePort());
        var management = rabbit.ManagementEndpoint.Exists;

        using (var conf = new StreamWriter(OwnerOnly.CreateFile(Path.Combine(config, "rabbitmq.conf"))))
        {
            conf.Write(Configuration(context, rabbit, management)); // it holds the password
        }
        File.WriteAllText(Path.Combine(config, "enabled_plugins"), management ? "[rabbitmq_management]." : "[].");
        File.WriteAllText(Path.Combine(config, "rabbitmq-env.conf"), "");

        var environment = new Dictionary<string, string>(context.Environment)
        {
            ["HOME"] = home,
            // Stable, so a data volume's database (named after the node) is found again; unique enough, as each
            // broker registers with its own epmd.
            ["RABBITMQ_NODENAME"] = $"parity-{rabbit.Name}@localhost",
            ["RABBITMQ_NODE_IP_ADDRESS"] = "127.0.0.1",
            ["RABBITMQ_NODE_PORT"] = Text(context.PortOf(RabbitMQServerResource.PrimaryEndpointName)),
            ["RABBITMQ_DIST_PORT"] = Text(context.AllocatePort()),
            ["RABBITMQ_MNESIA_BASE"] = Path.Combine(home, "mnesia"),
            ["RABBITMQ_LOG_BASE"] = Path.Combine(home, "log"),
            ["RABBITMQ_CONFIG_FILE"] = Path.Combine(config, "rabbitmq.conf"),
            ["RABBITMQ_CONFIG_FILES"] = Path.Combine(config, "conf.d"),
            ["RABBITMQ_ADVANCED_CONFIG_FILE"] = Path.Combine(config, "advanced.config"),
            ["RABBITMQ_ENABLED_PLUGINS_FILE"] = Path.Combine(config, "enabled_plugins"),
            ["RABBITMQ_CONF_ENV_FILE"] = Path.Combine(config, "rabbitmq-env.conf"),
            // With input allowed, the start script execs the VM instead of staying on as its shell parent, so the
            // process we start (and the kernel kills when the AppHost dies) is the VM itself; -noinput keeps stdin unread.
            ["RABBITMQ_ALLOW_INPUT"] = "true",
            // The application controller waits at most 1.5 s for each application to stop. RabbitMQ 3.10 with the management
            // plugin otherwise hangs 5 s on SIGTERM (rabbit_mgmt_db_handler calls the controller while it is stopping),
            // after the queues and message stores have already stopped.
            ["RABBITMQ_SERVER_ADDITIONAL_ERL_ARGS"] = "-noinput -kernel inet_dist_use_interface {127,0,0,1} -kernel shutdown_timeout 1500",
            ["ERL_EPMD_PORT"] = epmdPort,
            // Every erl started from here (RabbitMQ also starts one when epmd does not answer) would otherwise start a
            // daemon epmd, which outlives everything.
            ["ERL_ZFLAGS"] = "-start_epmd false",
        };
        var epmd = new ProcessSpec("epmd", ["-port", epmdPort, "-address", "127.0.0.1"], home, new Dictionary<string, string>());
        return Task.FromResult(new ProcessSpec(ServerScript, [], home, environment) { Companions = [epmd] });
    }

    /// <summary>
    /// A login until one succeeds, then only a TCP connection: RabbitMQ logs three lines for every login, and nothing for a
    /// connection that closes before it says anything.
    /// </summary>
    public async Task<bool> IsReadyAsync(NativeLaunchContext context, CancellationToken cancellationToken)
    {
        var rabbit = (RabbitMQServerResource)context.Resource;
        var port = context.PortOf(RabbitMQServerResource.PrimaryEndpointName);
        if (!_loggedIn)
        {
            _loggedIn = await AmqpLogin.SucceedsAsync(port, context.Render(rabbit.UserNameReference), context.Render(rabbit.PasswordParameter), cancellationToken);
            return _loggedIn;
        }
        try
        {
            using var client = new TcpClient();
            await client.ConnectAsync("127.0.0.1", port, cancellationToken);
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }

    private static string Configuration(NativeLaunchContext context, RabbitMQServerResource rabbit, bool management)
    {
        var text = new StringBuilder()
            .AppendLine($"listeners.tcp.default = 127.0.0.1:{context.PortOf(RabbitMQServerResource.PrimaryEndpointName)}")
            .AppendLine($"default_user = {ConfigValue(context.Render(rabbit.UserNameReference), "user name")}")
            .AppendLine($"default_pass = {ConfigValue(context.Render(rabbit.PasswordParameter), "password")}")
            .AppendLine("loopback_users = none")
            .AppendLine("log.console = true")
            .AppendLine("log.console.level = info")
            .AppendLine("log.console.use_colors = off")
            .AppendLine("log.file = false");
        if (management)
        {
            text.AppendLine("management.tcp.ip = 127.0.0.1")
                .AppendLine($"management.tcp.port = {context.PortOf(RabbitMQServerResource.ManagementEndpointName)}");
        }
        return text.ToString();
    }

    /// <summary>rabbitmq.conf has no quoting: a value ends at a line break, and at '#', which starts a comment.</summary>
    private static string ConfigValue(string value, string what) =>
        value.IndexOfAny(['#', '\r', '\n']) < 0 && value == value.Trim()
            ? value
            : throw new DistributedApplicationException(
                $"The RabbitMQ {what} cannot contain '#', line breaks, or leading or trailing spaces (rabbitmq.conf cannot hold them).");

    private static string Text(int number) => number.ToString(CultureInfo.InvariantCulture);
}
