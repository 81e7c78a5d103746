#version 300 es
// Modal backdrop: one direction of a separable Gaussian blur of the page behind a dialog.
// The second (vertical) pass also dims the result towards uDim so the dialog stands out.
precision mediump float;

uniform sampler2D uScene;
uniform vec2 uStep;      // texel offset along the blur direction
uniform vec4 uDim;       // rgb: dim colour, a: how much of it to mix in (0 on the first pass)

in vec2 vUV;

out vec4 fragColor;

void main() {
    // 9 taps folded into 5 fetches by sampling between texels (linear filtering does the rest).
    vec3 sum = texture(uScene, vUV).rgb * 0.2270270270;
    sum += texture(uScene, vUV + uStep * 1.3846153846).rgb * 0.3162162162;
    sum += texture(uScene, vUV - uStep * 1.3846153846).rgb * 0.3162162162;
    sum += texture(uScene, vUV + uStep * 3.2307692308).rgb * 0.0702702703;
    sum += texture(uScene, vUV - uStep * 3.2307692308).rgb * 0.0702702703;
    fragColor = vec4(mix(sum, uDim.rgb, uDim.a), 1.0);
}
