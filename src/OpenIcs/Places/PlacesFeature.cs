using Microsoft.Extensions.DependencyInjection;

namespace OpenIcs.Places;

/// <summary>Registers the places feature.</summary>
public static class PlacesFeature
{
    /// <summary>Adds <see cref="PlaceStore"/>.</summary>
    public static IServiceCollection AddPlaces(this IServiceCollection services) => services.AddSingleton<PlaceStore>();
}
