using System;
using System.ComponentModel;

namespace Serverless;

/// <summary>
/// Written by the source generator, read by the build after compiling to write <c>serverless.template</c>.
/// Not for user code. Trimming and Native AOT remove it from the published binary.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
[AttributeUsage(AttributeTargets.Assembly, AllowMultiple = false)]
public sealed class ServerlessManifestAttribute : Attribute
{
    /// <param name="json">The app model as JSON (schema version 1).</param>
    public ServerlessManifestAttribute(string json) => Json = json;

    /// <summary>The app model as JSON.</summary>
    public string Json { get; }
}
