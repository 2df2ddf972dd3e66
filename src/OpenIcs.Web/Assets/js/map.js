// Draws London's boroughs from the boundary GeoJSON with Leaflet, coloured by integrated care system.
// Each borough links to its page; the table on the same page carries the same information without JavaScript.
(function () {
  "use strict";
  const container = document.getElementById("london-map");
  const dataElement = document.getElementById("london-map-boroughs");
  if (!container || !dataElement || typeof L === "undefined") return;

  const boroughs = JSON.parse(dataElement.textContent);
  document.querySelectorAll(".app-map-key__swatch[data-colour]").forEach(function (swatch) {
    swatch.style.backgroundColor = swatch.dataset.colour;
  });

  const map = L.map(container, {
    zoomSnap: 0.25,
    scrollWheelZoom: false,
    attributionControl: true,
  });
  map.attributionControl.setPrefix(false);
  map.attributionControl.addAttribution("Boundaries: ONS, OS data © Crown copyright and database right");

  fetch(container.dataset.geojson)
    .then(function (response) {
      if (!response.ok) throw new Error("boundaries: HTTP " + response.status);
      return response.json();
    })
    .then(function (geojson) {
      const layer = L.geoJSON(geojson, {
        style: function (feature) {
          const borough = boroughs[feature.properties.lad22cd];
          return {
            color: "#ffffff",
            weight: 1.5,
            fillColor: borough ? borough.colour : "#768692",
            fillOpacity: 0.85,
          };
        },
        onEachFeature: function (feature, featureLayer) {
          const code = feature.properties.lad22cd;
          const borough = boroughs[code];
          if (!borough) return;
          featureLayer.bindTooltip(borough.name + " (" + borough.system + ")", { sticky: true });
          featureLayer.on("click", function () { window.location.assign(borough.href); });
          featureLayer.on("mouseover", function () { featureLayer.setStyle({ weight: 3, color: "#212b32" }); });
          featureLayer.on("mouseout", function () { layer.resetStyle(featureLayer); });
          featureLayer.on("add", function () {
            const path = featureLayer.getElement && featureLayer.getElement();
            if (path) {
              path.setAttribute("data-borough", code);
              path.classList.add("app-map__borough");
            }
          });
        },
      }).addTo(map);
      map.fitBounds(layer.getBounds(), { padding: [8, 8] });
      container.dataset.ready = "true";
    })
    .catch(function (error) {
      container.classList.add("app-map--failed");
      container.textContent = "The map could not be drawn; use the table below. (" + error.message + ")";
    });
})();
