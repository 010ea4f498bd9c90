using System;

namespace Serverless;

/// <summary>
/// Binds an HTTP handler parameter from the JSON request body, through the app's <c>JsonSerializerContext</c>
/// (base64-encoded bodies are decoded first). A non-nullable body is required. Parameters of complex types that are
/// not bound otherwise come from the body without it.
/// </summary>
[AttributeUsage(AttributeTargets.Parameter, AllowMultiple = false)]
public sealed class FromBodyAttribute : Attribute
{
}
