#version 300 es
// ImGui geometry: positions in device pixels, mapped to clip space by a scale and a translation.
// A vertex at the atlas's white texel belongs to a shape, not a glyph: its fragments need no texture.
precision highp float;

uniform vec2 uScale;
uniform vec2 uTranslate;
uniform vec2 uWhitePixel;

in vec2 aPosition;
in vec2 aUV;
in vec4 aColor;

out vec2 vUV;
out vec4 vColor;
flat out mediump float vSolid;

void main() {
    vUV = aUV;
    vSolid = aUV == uWhitePixel ? 1.0 : 0.0;
    vColor = aColor;
    gl_Position = vec4(aPosition * uScale + uTranslate, 0.0, 1.0);
}
