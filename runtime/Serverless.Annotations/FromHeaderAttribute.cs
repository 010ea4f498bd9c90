using System;

namespace Serverless;

/// <summary>Binds an HTTP handler parameter from a request header (names ignore case).</summary>
[AttributeUsage(AttributeTargets.Parameter, AllowMultiple = false)]
public sealed class FromHeaderAttribute : Attribute
{
    /// <summary>Binds from the value named like the parameter.</summary>
    public FromHeaderAttribute()
    {
    }

    /// <summary>Binds from the value named <paramref name="name"/>.</summary>
    /// <param name="name">The name in the request.</param>
    public FromHeaderAttribute(string name) => Name = name;

    /// <summary>The name in the request; the parameter's name when null.</summary>
    public string? Name { get; set; }
}
