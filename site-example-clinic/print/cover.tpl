{#- Cover of the complete printed guide (mkdocs-print-site-plugin). -#}
{%- set clinic = config.extra.clinic %}
<div class="guide-cover">
  {%- if clinic and clinic.logo %}
  <img class="guide-cover__logo" src="{{ clinic.logo }}" alt="{{ clinic.name }} logo">
  {%- endif %}
  {%- if clinic %}
  <p class="guide-cover__clinic">{{ clinic.name }}{% if clinic.department %}<br>{{ clinic.department }}{% endif %}</p>
  {%- endif %}
  <p class="guide-cover__title">{{ config.site_name }}</p>
  <p class="guide-cover__subtitle">Before, during and after your procedure, in plain words</p>
  <div class="guide-cover__contact">
  {%- if clinic %}
    <p>Phone: {{ clinic.phone }}{% if clinic.after_hours_phone %}<br>After hours: {{ clinic.after_hours_phone }}{% endif %}</p>
    {%- if clinic.address %}<p>{{ clinic.address }}</p>{% endif %}
    {%- if clinic.url %}<p>Read it online: {{ clinic.url }}</p>{% endif %}
  {%- else %}
    <p class="guide-write-in">Your care team's phone: <span class="guide-blank"></span></p>
    <p class="guide-write-in">After hours: <span class="guide-blank"></span></p>
  {%- endif %}
  </div>
  <p class="guide-cover__review">Last reviewed: {{ config.extra.guide_reviewed.strftime("%B %-d, %Y") }}
  {%- if clinic and clinic.reviewed_on %}<br>Clinical review: {{ clinic.reviewed_by }}, {{ clinic.reviewed_on.strftime("%B %-d, %Y") }}{% endif %}</p>
  <p class="guide-cover__notice">This guide does not replace your own care team.
    In an emergency, call {{ config.extra.emergency_number }} or your local emergency number.</p>
</div>
