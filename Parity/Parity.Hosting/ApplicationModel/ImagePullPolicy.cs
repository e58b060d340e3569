namespace Parity.Hosting.ApplicationModel;

/// <summary>When a container's image is pulled: locally by docker or podman, in Compose and in the cluster.</summary>
public enum ImagePullPolicy
{
    /// <summary>Whatever the runtime does by default.</summary>
    Default,

    /// <summary>On every start, so a moving tag (<c>latest</c>) is fetched again.</summary>
    Always,

    /// <summary>Only when no image of that reference is present.</summary>
    Missing,

    /// <summary>Never: the image must be present already.</summary>
    Never,
}
