{#- Cover of the complete printed guide (mkdocs-print-site-plugin renders it with `config` only). -#}
{%- set clinic = config.extra.clinic %}
{%- set ui = config.extra.ui %}
<div class="guide-cover">
  {%- if clinic and clinic.logo %}
  <img class="guide-cover__logo" src="{{ clinic.logo }}" alt="{{ ui.logo_of }} {{ clinic.name }}">
  {%- endif %}
  {%- if clinic %}
  <p class="guide-cover__clinic">{{ clinic.name }}{% if clinic.department %}<br>{{ clinic.department }}{% endif %}</p>
  {%- endif %}
  <h1 class="guide-cover__title">{{ config.site_name }}</h1>
  <p class="guide-cover__subtitle">{{ ui.cover_subtitle }}</p>
  <div class="guide-cover__contact">
  {%- if clinic %}
    <p>{{ ui.phone }}: {{ clinic.phone }}{% if clinic.after_hours_phone %}<br>{{ ui.after_hours }}: {{ clinic.after_hours_phone }}{% endif %}</p>
    {%- if clinic.address %}<p>{{ clinic.address }}</p>{% endif %}
    {%- if clinic.url %}<p>{{ ui.read_online }}: {{ clinic.url }}</p>{% endif %}
  {%- else %}
    <p class="guide-write-in">{{ ui.care_team_phone }}: <span class="guide-blank"></span></p>
    <p class="guide-write-in">{{ ui.after_hours }}: <span class="guide-blank"></span></p>
  {%- endif %}
  </div>
  <p class="guide-cover__review">{{ ui.last_reviewed }}: {{ config.extra.guide_reviewed_text }}
  {%- if clinic and clinic.reviewed_on %}<br>{{ ui.clinical_review }}: {{ clinic.reviewed_by }}, {{ clinic.reviewed_on_text }}{% endif %}</p>
  <p class="guide-cover__notice">{{ ui.not_a_replacement }}
    {{ ui.emergency | replace("{number}", config.extra.emergency_number) }}</p>
</div>
