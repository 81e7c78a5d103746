#version 300 es
// ImGui geometry: positions in device pixels, mapped to clip space by a scale and a translation.
precision highp float;

uniform vec2 uScale;
uniform vec2 uTranslate;

in vec2 aPosition;
in vec2 aUV;
in vec4 aColor;

out vec2 vUV;
out vec4 vColor;

void main() {
    vUV = aUV;
    vColor = aColor;
    gl_Position = vec4(aPosition * uScale + uTranslate, 0.0, 1.0);
}
