namespace Parity.Cli.Tests;

public sealed class AppHostLocatorTests : IDisposable
{
    private const string HostingByProject = """
        <Project Sdk="Microsoft.NET.Sdk">
          <PropertyGroup><OutputType>Exe</OutputType></PropertyGroup>
          <ItemGroup><ProjectReference Include="..\..\Parity\Parity.Hosting\Parity.Hosting.csproj" /></ItemGroup>
        </Project>
        """;

    private const string HostingByPackage = """
        <Project Sdk="Microsoft.NET.Sdk">
          <PropertyGroup><OutputType>Exe</OutputType></PropertyGroup>
          <ItemGroup><PackageReference Include="Parity.Hosting" Version="1.0.0" /></ItemGroup>
        </Project>
        """;

    private const string HostingLibrary = """
        <Project Sdk="Microsoft.NET.Sdk">
          <ItemGroup><ProjectReference Include="../Parity.Hosting/Parity.Hosting.csproj" /></ItemGroup>
        </Project>
        """;

    private const string PlainProject = """
        <Project Sdk="Microsoft.NET.Sdk">
          <ItemGroup><ProjectReference Include="../Parity.Hosting.Tests/Parity.Hosting.Tests.csproj" /></ItemGroup>
        </Project>
        """;

    private readonly string _root = Directory.CreateTempSubdirectory("parity-cli-locate-").FullName;

    [Fact]
    public void An_AppHost_in_the_current_folder_wins_over_those_below()
    {
        var here = Write("Store.AppHost.csproj", HostingByProject);
        Write("sub/Other.csproj", HostingByProject);

        Assert.Equal(here, AppHostLocator.Find(_root, explicitPath: null));
    }

    [Fact]
    public void An_AppHost_two_levels_down_is_found_and_one_three_levels_down_is_not()
    {
        Write("Service.csproj", PlainProject);
        var appHost = Write("src/AppHost/AppHost.csproj", HostingByPackage);
        Write("a/b/c/Deep.csproj", HostingByProject);

        Assert.Equal(appHost, AppHostLocator.Find(_root, explicitPath: null));
    }

    [Fact]
    public void Several_AppHosts_are_an_error_that_lists_them()
    {
        Write("one/One.csproj", HostingByProject);
        Write("two/Two.csproj", HostingByPackage);

        var error = Assert.Throws<CliException>(() => AppHostLocator.Find(_root, explicitPath: null));

        Assert.Contains("--project", error.Message);
        Assert.Contains(Path.Combine("one", "One.csproj"), error.Message);
        Assert.Contains(Path.Combine("two", "Two.csproj"), error.Message);
    }

    [Fact]
    public void No_AppHost_is_an_error_that_says_what_was_looked_for()
    {
        Write("Service.csproj", PlainProject);
        Write("Parity.Testing/Parity.Testing.csproj", HostingLibrary);
        Write("bin/Copied.csproj", HostingByProject); // build output is not searched

        var error = Assert.Throws<CliException>(() => AppHostLocator.Find(_root, explicitPath: null));

        Assert.Contains("Parity.Hosting", error.Message);
        Assert.Contains(_root, error.Message);
    }

    [Fact]
    public void The_project_option_takes_a_file_or_a_folder_with_one_project()
    {
        var file = Write("x/Any.csproj", PlainProject);

        Assert.Equal(file, AppHostLocator.Find(_root, explicitPath: "x/Any.csproj"));
        Assert.Equal(file, AppHostLocator.Find(_root, explicitPath: Path.Combine(_root, "x")));
        Assert.Throws<CliException>(() => AppHostLocator.Find(_root, explicitPath: "missing"));
    }

    [Fact]
    public void The_state_folder_is_the_projects_unless_moved()
    {
        var project = Write("AppHost/AppHost.csproj", HostingByProject);
        var here = new AppHostProject(project, Path.Combine(_root, "AppHost", ".parity"));
        var moved = new AppHostProject(project, Path.Combine(_root, "elsewhere"));

        Assert.Empty(here.StateArguments);
        Assert.Equal([$"--Parity:StateDirectory={Path.Combine(_root, "elsewhere")}"], moved.StateArguments);
    }

    public void Dispose() => Directory.Delete(_root, recursive: true);

    private string Write(string relativePath, string content)
    {
        var path = Path.Combine(_root, relativePath);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, content);
        return path;
    }
}
