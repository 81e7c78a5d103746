#version 300 es
// ImGui fragments: the vertex colour modulated by the font atlas (or any bound texture).
precision mediump float;

uniform sampler2D uTexture;

in vec2 vUV;
in vec4 vColor;

out vec4 fragColor;

void main() {
    fragColor = vColor * texture(uTexture, vUV);
}
