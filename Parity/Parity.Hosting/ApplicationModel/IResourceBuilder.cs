namespace Parity.Hosting.ApplicationModel;

/// <summary>Fluent access to one resource of the model; every With... call adds annotations and returns the builder.</summary>
public interface IResourceBuilder<out T> where T : IResource
{
    IDistributedApplicationBuilder ApplicationBuilder { get; }

    T Resource { get; }

    IResourceBuilder<T> WithAnnotation<TAnnotation>(TAnnotation annotation) where TAnnotation : IResourceAnnotation;
}
