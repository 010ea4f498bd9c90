using System;

namespace Serverless;

/// <summary>Binds an HTTP handler parameter from a route parameter (<c>{name}</c> in the template). Parameters named in the route template are bound from the route without it.</summary>
[AttributeUsage(AttributeTargets.Parameter, AllowMultiple = false)]
public sealed class FromRouteAttribute : Attribute
{
    /// <summary>Binds from the value named like the parameter.</summary>
    public FromRouteAttribute()
    {
    }

    /// <summary>Binds from the value named <paramref name="name"/>.</summary>
    /// <param name="name">The name in the request.</param>
    public FromRouteAttribute(string name) => Name = name;

    /// <summary>The name in the request; the parameter's name when null.</summary>
    public string? Name { get; set; }
}
