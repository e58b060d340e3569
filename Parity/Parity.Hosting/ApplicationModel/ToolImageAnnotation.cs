namespace Parity.Hosting.ApplicationModel;

/// <summary>
/// The resource's image (its <see cref="ContainerImageAnnotation"/>) is a program a Parity package ships, as the
/// dashboard's is: deploy makes it from the shipped files (<see cref="ParityTools"/>), and the cluster runs it as a
/// stateless Deployment behind a Service, probed on <see cref="ProbesAnnotation"/>'s paths.
/// </summary>
/// <param name="ShippedWith">A type of the package that ships the program.</param>
/// <param name="Tool">The program's folder beside the AppHost's output (<c>parity/&lt;tool&gt;/</c>).</param>
/// <param name="EntryAssembly">The file <c>dotnet</c> starts in that folder.</param>
public sealed record ToolImageAnnotation(Type ShippedWith, string Tool, string EntryAssembly) : IResourceAnnotation;
