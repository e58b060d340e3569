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
    public void AnAppHostInTheCurrentFolderWinsOverThoseBelow()
    {
        var here = Write("Store.AppHost.csproj", HostingByProject);
        Write("sub/Other.csproj", HostingByProject);

        Assert.Equal(here, AppHostLocator.Find(_root, explicitPath: null));
    }

    [Fact]
    public void AnAppHostTwoLevelsDownIsFoundAndOneThreeLevelsDownIsNot()
    {
        Write("Service.csproj", PlainProject);
        var appHost = Write("src/AppHost/AppHost.csproj", HostingByPackage);
        Write("a/b/c/Deep.csproj", HostingByProject);

        Assert.Equal(appHost, AppHostLocator.Find(_root, explicitPath: null));
    }

    [Fact]
    public void SeveralAppHostsAreAnErrorThatListsThem()
    {
        Write("one/One.csproj", HostingByProject);
        Write("two/Two.csproj", HostingByPackage);

        var error = Assert.Throws<CliException>(() => AppHostLocator.Find(_root, explicitPath: null));

        Assert.Contains("--project", error.Message);
        Assert.Contains(Path.Combine("one", "One.csproj"), error.Message);
        Assert.Contains(Path.Combine("two", "Two.csproj"), error.Message);
    }

    [Fact]
    public void NoAppHostIsAnErrorThatSaysWhatWasLookedFor()
    {
        Write("Service.csproj", PlainProject);
        Write("Parity.Testing/Parity.Testing.csproj", HostingLibrary);
        Write("bin/Copied.csproj", HostingByProject); // build output is not searched

        var error = Assert.Throws<CliException>(() => AppHostLocator.Find(_root, explicitPath: null));

        Assert.Contains("Parity.Hosting", error.Message);
        Assert.Contains(_root, error.Message);
    }

    [Fact]
    public void TheProjectOptionTakesAFileOrAFolderWithOneProject()
    {
        var file = Write("x/Any.csproj", PlainProject);

        Assert.Equal(file, AppHostLocator.Find(_root, explicitPath: "x/Any.csproj"));
        Assert.Equal(file, AppHostLocator.Find(_root, explicitPath: Path.Combine(_root, "x")));
        Assert.Throws<CliException>(() => AppHostLocator.Find(_root, explicitPath: "missing"));
    }

    [Fact]
    public void TheStateFolderIsTheProjectsUnlessMoved()
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
