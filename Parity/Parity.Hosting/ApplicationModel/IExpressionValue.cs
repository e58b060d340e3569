namespace Parity.Hosting.ApplicationModel;

/// <summary>A typed hole in a <see cref="ReferenceExpression"/>: its text is known only once a target renders it.</summary>
public interface IExpressionValue
{
    string Render(IExpressionRenderer renderer);

    /// <summary>True when the rendered text carries a secret, so it must be masked and kept out of plain files.</summary>
    bool IsSecret { get; }

    /// <summary>The resources this value comes from.</summary>
    IEnumerable<IResource> References { get; }
}
