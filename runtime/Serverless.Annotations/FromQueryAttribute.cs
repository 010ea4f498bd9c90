using System;

namespace Serverless;

/// <summary>Binds an HTTP handler parameter from the query string: one value, or for arrays and lists every repeated and comma-separated value. Simple-typed parameters that are not in the route come from the query without it.</summary>
[AttributeUsage(AttributeTargets.Parameter, AllowMultiple = false)]
public sealed class FromQueryAttribute : Attribute
{
    /// <summary>Binds from the value named like the parameter.</summary>
    public FromQueryAttribute()
    {
    }

    /// <summary>Binds from the value named <paramref name="name"/>.</summary>
    /// <param name="name">The name in the request.</param>
    public FromQueryAttribute(string name) => Name = name;

    /// <summary>The name in the request; the parameter's name when null.</summary>
    public string? Name { get; set; }
}
